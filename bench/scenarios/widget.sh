# shellcheck shell=bash
# The widget configuration: fetched by every visitor on every page of every shop, so it must be the cheapest
# request Concierge answers. Goals from the product spec: at least 50 % of nginx's requests/s for the same bytes,
# and a p99 of at most 10 ms, at 64 connections.
scenario_widget() {
    compare_with_nginx widget "/api/v1/widget/$CLIENT_KEY" 50 10
}
