-- wrk script: cycles through the requests listed in a manifest file (one "METHOD PATH BODYFILE" a line,
-- BODYFILE "-" for none), optionally paced: each connection waits PACE_MS between requests.
-- Usage: wrk ... -s requests.lua http://127.0.0.1:PORT -- MANIFEST [PACE_MS]
local reqs = {}
local pace = 0
local n = 0

function init(args)
  pace = tonumber(args[2] or "0")
  for line in io.lines(args[1]) do
    local method, path, file = line:match("^(%S+)%s+(%S+)%s+(%S+)$")
    if method then
      local body = nil
      local headers = {}
      if file ~= "-" then
        local h = assert(io.open(file, "rb"))
        body = h:read("*a")
        h:close()
        headers["Content-Type"] = "application/json"
      end
      table.insert(reqs, wrk.format(method, path, headers, body))
    end
  end
  n = math.random(#reqs)
end

function request()
  n = n % #reqs + 1
  return reqs[n]
end

function delay()
  return pace
end

local failures = 0
function response(status, headers, body)
  if status >= 400 then
    failures = failures + 1
  end
end
