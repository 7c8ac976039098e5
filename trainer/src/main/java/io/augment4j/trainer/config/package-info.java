/**
 * The training config of {@code aug train --config train.yaml}: YAML/JSON read strictly into
 * records ({@link io.augment4j.trainer.config.TrainConfig} and its sections) by
 * {@link io.augment4j.trainer.config.ConfigLoader}; every error names the file, line and field
 * path. Field reference with defaults: {@code trainer/CONFIG.md}.
 */
package io.augment4j.trainer.config;
