/**
 * The appliance configuration: one YAML file ({@code airlock.yaml}) read once at start-up into immutable records.
 * {@link io.airlock.config.ConfigLoader} walks the document itself so that every problem carries its line and
 * column, reports all of them at once, and never lets a secret reach a message, a log line or {@code toString()}.
 * Control plane only: nothing here runs per packet.
 */
package io.airlock.config;
