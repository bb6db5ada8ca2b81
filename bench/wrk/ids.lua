-- Spreads GETs over the lead ids in bench/target/ids.txt: /leads/<id><suffix>. Each thread builds the requests
-- once, in init (wrk.format needs the Host header, which wrk sets before init): building one per call cost wrk
-- about 0.02 ms of CPU per request, taken from the cores the JVM and PostgreSQL share with it.
dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")
local requests = {}
local next_index = 0
init = function()
  local suffix = os.getenv("SUFFIX") or ""
  local email = os.getenv("USER_EMAIL")
  for id in io.lines(os.getenv("IDS_FILE")) do
    requests[#requests + 1] = wrk.format("GET", "/leads/" .. id .. suffix, { ["x-user-email"] = email })
  end
end
request = function()
  next_index = next_index % #requests + 1
  return requests[next_index]
end
