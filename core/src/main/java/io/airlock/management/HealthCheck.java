package io.airlock.management;

/** Tells the management listener whether Airlock is ready; called on its event loop, so quick and non-blocking. */
@FunctionalInterface
public interface HealthCheck {

    Health check();
}
