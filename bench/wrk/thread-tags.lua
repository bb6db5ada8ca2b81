-- Gives each wrk thread a tag of its own, as the global `tag`, unique across runs: every run of wrk (the warm-up and
-- each round are runs of their own, seconds apart) makes other emails, and each thread gets a number of its own.
local run_tag = (os.getenv("RUN_TAG") or "") .. "-" .. os.time()
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("tag", run_tag .. "-" .. threads)
end
