# shellcheck shell=bash
# Sign-in cannot be turned against the server: 200 connections sending sign-ins with wrong passwords (bcrypt, cost 12,
# about a quarter of a second of CPU each) must leave the widget configuration fast. Goal from the product spec: the
# widget's p99 while the storm runs at most 2× its p99 at rest, in the same run. Here with the default sign-in limits
# (30 a minute per address, lockouts after failures), so after the first few attempts most are refused with 429
# before any password check; login_storm_unlimited.sh is the same storm with those limits lifted.

# Runs on a Concierge of its own with the defaults: its counters start empty, and the storm's lockouts stay with it.
server_env_login_storm() {
    :
}

scenario_login_storm() {
    measure_under_load login_storm "/api/v1/widget/$CLIENT_KEY" 2 200 /api/v1/auth/login \
        -s "$BENCH_DIR/scenarios/login_storm.lua"
}
