-- A flood of sign-ins with wrong passwords: POST /api/v1/auth/login as JSON, for the demo owner and a rotating set
-- of e-mails without an account (each costs the server one bcrypt check all the same, against a stand-in hash).
-- Counts the answers by status and prints them in done() as "Statuses: 401=... 429=... 503=...", a line run.sh
-- copies into its table.

local emails = { "demo@example.com" }
for i = 1, 15 do
    emails[#emails + 1] = "owner" .. i .. "@storm.example"
end

local threads = {}
local next_id = 0

-- Runs in the main script state, once per wrk thread.
function setup(thread)
    thread:set("id", next_id)
    next_id = next_id + 1
    threads[#threads + 1] = thread
end

local sent = 0
statuses = {}

function init(args)
    -- Threads start at different e-mails.
    sent = id * 7
end

function request()
    sent = sent + 1
    local email = emails[sent % #emails + 1]
    local body = '{"email": "' .. email .. '", "password": "Wrong-password-' .. sent .. '"}'
    return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
    local total = { [401] = 0, [429] = 0, [503] = 0 }
    for _, thread in ipairs(threads) do
        for status, count in pairs(thread:get("statuses")) do
            total[status] = (total[status] or 0) + count
        end
    end
    local codes = {}
    for status in pairs(total) do
        codes[#codes + 1] = status
    end
    table.sort(codes)
    local parts = {}
    for _, status in ipairs(codes) do
        parts[#parts + 1] = status .. "=" .. total[status]
    end
    io.write("Statuses: " .. table.concat(parts, " ") .. "\n")
end
