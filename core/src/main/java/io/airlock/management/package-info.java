/**
 * The management listener: Prometheus metrics, liveness and readiness, and the reload hook, over HTTP/1.1 on
 * {@code listen.management} (loopback by default; a bearer token whenever it is not).
 *
 * <pre>
 *   GET  /metrics        Prometheus text exposition 0.0.4
 *   GET  /health         {"status":"UP", readiness...}   200 when ready, 503 when not
 *   GET  /health/live    {"status":"UP"}                 200 while the process answers
 *   GET  /health/ready   readiness                       200 / 503
 *   POST /reload         the {@link io.airlock.management.ReloadHandler}, 501 while there is none
 * </pre>
 */
package io.airlock.management;
