-- Postmark Delivery webhooks for existing leads (emails read from KNOWN_FILE, leads of the biggest org), each with a
-- MessageID of its own (thread and request), as Postmark posts one per delivered message. Basic auth as in the
-- webhook URL (POSTMARK_AUTH, "user:password" base64).
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
  local email = known[math.random(1, #known)]
  local body = '{"RecordType":"Delivery","ServerID":23,"MessageStream":"outbound","MessageID":"bench-' .. thread_tag
      .. '-' .. counter .. '","Recipient":"' .. email .. '","Tag":"welcome-email","DeliveredAt":"2026-11-30T10:00:00.'
      .. string.format("%06d", math.random(0, 999999)) .. 'Z","Details":"delivered","Metadata":{}}'
  return wrk.format("POST", "/webhooks/postmark", { ["Content-Type"] = "application/json",
    ["Authorization"] = "Basic " .. os.getenv("POSTMARK_AUTH") }, body)
end
