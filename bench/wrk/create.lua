-- POST /leads by a signed-in user: a new email per request (unique per thread and request), with a tag and an
-- initial email consent, as a coach adding leads would.
dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")
local counter = 0
local thread_tag = ""
local email = os.getenv("USER_EMAIL")
dofile(os.getenv("BENCH_DIR") .. "/wrk/thread-tags.lua")
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
