-- Spreads GETs over the lead ids in bench/target/ids.txt: /leads/<id><suffix>.
dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")
local ids = {}
for line in io.lines(os.getenv("IDS_FILE")) do ids[#ids + 1] = line end
local suffix = os.getenv("SUFFIX") or ""
local email = os.getenv("USER_EMAIL")
local counter = 0
request = function()
  counter = counter + 1
  local id = ids[(counter % #ids) + 1]
  return wrk.format("GET", "/leads/" .. id .. suffix, { ["x-user-email"] = email })
end
