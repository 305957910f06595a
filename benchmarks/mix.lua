-- wrk script for benchmarks/pages.sh: cycles over the paths in $PATHS_FILE, one per line, and counts
-- non-2xx/3xx responses apart from socket errors.
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do paths[#paths + 1] = line end
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

-- wrk's --latency table has no 95th percentile: print it (microseconds → ms) for benchmarks/load.sh.
done = function(summary, latency, requests)
  io.write(string.format("p95 %.2fms\n", latency:percentile(95) / 1000))
end
