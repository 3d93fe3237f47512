-- wrk script for the README's Overload measurement: POST /graphql with a distinct search each time (the alias
-- makes the text unique, so the response cache never answers). DELAY_MS=d paces each connection (open-ish loop).
local words = {"robot","night","love","war","space","king","girl","dark","man","city","star","dream","house","day","life","blood","time","death","world","game","ghost","river","school","music","family"}
local counter = 0
delay_ms = tonumber(os.getenv("DELAY_MS") or "0")
function setup(thread) thread:set("id", math.random(1, 1000000)) end
request = function()
  counter = counter + 1
  local n = counter + id
  local a = words[(n % #words) + 1]
  local b = words[(math.floor(n / #words) % #words) + 1]
  local body = string.format('{"query":"{ s%d: search(query: \\"%s %s\\", first: %d) { totalCount edges { node { id name year } } } }"}', n, a, b, (n % 20) + 1)
  return wrk.format("POST", "/graphql", {["Content-Type"]="application/json"}, body)
end
function delay() return delay_ms end
