/** Training of image classifiers on DJL, fed by augment4j pipelines. */
package io.augment4j.trainer;
