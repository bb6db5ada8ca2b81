-- JIT warm-up: cycles through the requests the scenarios send (list page 1, filters, detail, events), so
-- that HotSpot has compiled every hot path before anything is measured.
local ids = {}
for line in io.lines(os.getenv("IDS_FILE")) do ids[#ids + 1] = line end
local email = os.getenv("USER_EMAIL")
local paths = { "/leads", "/leads?status=invited&date_from=2025-06-01&date_to=2025-08-31", "/leads?tag=mindset",
  "/leads?status=waitlist", "/leads?offset=50", "DETAIL", "EVENTS" }
local counter = 0
request = function()
  counter = counter + 1
  local path = paths[(counter % #paths) + 1]
  local id = ids[(counter % #ids) + 1]
  if path == "DETAIL" then path = "/leads/" .. id elseif path == "EVENTS" then path = "/leads/" .. id .. "/events" end
  return wrk.format("GET", path, { ["x-user-email"] = email })
end
