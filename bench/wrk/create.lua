-- POST /leads by a signed-in user: a new email per request (unique per thread and request), with a tag and an
-- initial email consent, as a coach adding leads would.
dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")
local counter = 0
local thread_tag = ""
local email = os.getenv("USER_EMAIL")
-- Every run of wrk makes other emails (the warm-up and each round are runs of their own, seconds apart), and each
-- thread gets a number of its own.
local run_tag = (os.getenv("RUN_TAG") or "") .. "-" .. os.time()
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("tag", run_tag .. "-" .. threads)
end
init = function()
  thread_tag = tag
end
request = function()
  counter = counter + 1
  local body = '{"email":"created-' .. thread_tag .. '-' .. counter .. '@create.bench","first_name":"Grace",'
      .. '"last_name":"Bench","phone":"+14155550100","tags":["bench"],"source":"fair",'
      .. '"consents":{"email":{"status":"granted","source":"fair","text_version":"v2"}}}'
  return wrk.format("POST", "/leads", { ["Content-Type"] = "application/json", ["x-user-email"] = email }, body)
end
