-- Public captures, as CoachIntel's waitlist page posts them: half of known emails (read from KNOWN_FILE, leads the
-- org has), half of new ones (unique per thread and request). Each request comes from its own client address in
-- X-Forwarded-For (the API trusts 127.0.0.1 as a proxy in this run), as sign-ups from many visitors would, so the
-- rate limit counts one attempt per address; the limit itself is raised for the run.
dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")
local known = {}
local counter = 0
local thread_tag = ""
dofile(os.getenv("BENCH_DIR") .. "/wrk/thread-tags.lua")
init = function()
  thread_tag = tag
  for email in io.lines(os.getenv("KNOWN_FILE")) do known[#known + 1] = email end
  math.randomseed(os.time() + #thread_tag * 7919 + tonumber(thread_tag:match("(%d+)$")))
end
request = function()
  counter = counter + 1
  local email
  if counter % 2 == 0 then
    email = known[math.random(1, #known)]
  else
    email = "new-" .. thread_tag .. "-" .. counter .. "@capture.bench"
  end
  local body = '{"email":"' .. email .. '","first_name":"Ada","last_name":"Bench","source":"landing",'
      .. '"utm_source":"newsletter","consent_email":true,"consent_sms":false,"consent_version":"terms-3"}'
  local address = "10." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254)
  return wrk.format("POST", "/crm/public/leads", { ["Content-Type"] = "application/json", ["X-Forwarded-For"] = address,
    ["User-Agent"] = "Mozilla/5.0 (bench)" }, body)
end
