/**
 * What a run tells its user: the bias/variance {@link io.augment4j.trainer.report.Diagnosis}
 * (a pure function) and the learning {@link io.augment4j.trainer.report.Curves} (XChart PNG).
 */
package io.augment4j.trainer.report;
