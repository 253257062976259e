# shellcheck shell=bash
# The login storm of login_storm.sh with the sign-in limits lifted, so that every attempt reaches the password check:
# what is left to protect the widget is the bounded hashing pool (half the cores, 8 waiting per thread, beyond that
# 503 at once). Same goal: the widget's p99 under the storm at most 2× its p99 at rest.

# Runs on a Concierge of its own, started with these limits.
server_env_login_storm_unlimited() {
    printf '%s\n' \
        CONCIERGE_SECURITY_LOGINS_PER_ADDRESS_PER_MINUTE=1000000 \
        CONCIERGE_SECURITY_ACCOUNT_FREE_FAILURES=1000000 \
        CONCIERGE_SECURITY_ADDRESS_FREE_FAILURES=1000000
}

scenario_login_storm_unlimited() {
    measure_under_load login_storm_unlimited "/api/v1/widget/$CLIENT_KEY" 2 200 /api/v1/auth/login \
        -s "$BENCH_DIR/scenarios/login_storm.lua"
}
