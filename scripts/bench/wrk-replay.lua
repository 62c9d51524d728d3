-- Replays the requests of a file written by scripts/bench/requests.ts, in order, then wraps.
-- A line: path, body, then header names and values, separated by tabs.
local requests = {}
local position = 0
local threads = {}

wrapped = 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    local fields = {}

    for field in (line .. "\t"):gmatch("([^\t]*)\t") do
      table.insert(fields, field)
    end

    local headers = { ["Content-Type"] = "application/json" }

    for i = 3, #fields - 1, 2 do
      headers[fields[i]] = fields[i + 1]
    end

    table.insert(requests, wrk.format("POST", fields[1], headers, fields[2]))
  end
end

function request()
  position = position + 1

  if position > #requests then
    position = 1
    wrapped = wrapped + 1
  end

  return requests[position]
end

function done(summary, latency)
  local wraps = 0

  for _, thread in ipairs(threads) do
    wraps = wraps + thread:get("wrapped")
  end

  local e = summary.errors

  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"durationUs":%d,"status":%d,"connect":%d,"read":%d,' ..
      '"write":%d,"timeout":%d,"wrapped":%d,"p50Us":%d,"p99Us":%d}\n',
    summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout, wraps,
    latency:percentile(50), latency:percentile(99)))
end
