-- wrk script for benchmarks/pages.sh: cycles over the paths in $PATHS_FILE, one per line, and counts
-- non-2xx/3xx responses apart from socket errors.
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do paths[#paths + 1] = line end
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
