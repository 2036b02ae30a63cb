-- wrk script: cycles through pre-generated, signed WeChat callbacks (bench/loadgen.py
-- writes them, one `path<TAB>body` per line) and checks every answer.
--
--   wrk -t1 -c32 -d20s --timeout 10s -s bench/villagers.lua http://127.0.0.1:PORT -- FILE MODE [OFFSET]
--
-- (WRK_SUMMARY=path in the environment: done() also writes its JSON there.)
-- MODE is "plain" (a reply must be XML with the reply in it) or "aes" (a reply must be
-- an <Encrypt> envelope). Counted as errors: non-200, "success"/empty where a reply was
-- expected (every message here expects one), anything else that is not a reply. With one
-- thread (-t1) the requests go out in file order, so a villager's turns stay in order.
-- done() prints one JSON line starting with "WRKJSON ".

-- Globals on purpose: done() reads them from each thread with thread:get().
requests = {}
count = 0
idx = 0
issued = 0
wrapped = 0
ok, bad_status, success_body, not_reply = 0, 0, 0, 0
mode = "plain"
threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   local file = args[1]
   mode = args[2] or "plain"
   local headers = { ["Content-Type"] = "text/xml; charset=utf-8" }
   for line in io.lines(file) do
      local tab = string.find(line, "\t", 1, true)
      if tab then
         count = count + 1
         requests[count] = wrk.format("POST", string.sub(line, 1, tab - 1), headers, string.sub(line, tab + 1))
      end
   end
   if count == 0 then
      error("no requests in " .. tostring(file))
   end
   -- OFFSET (third argument): start after that many requests, so a measured run carries
   -- on the conversations a warm-up began.
   idx = tonumber(args[3] or "0") % count
   -- WRK_READY=path: say the requests are loaded (a big file takes seconds), so the
   -- caller starts its clock and CPU counters when the run starts, not before.
   local ready = os.getenv("WRK_READY")
   if ready then
      local fh = io.open(ready, "w")
      if fh then
         fh:write("ready\n")
         fh:close()
      end
   end
end

function request()
   idx = idx + 1
   if idx > count then
      idx = 1
      wrapped = wrapped + 1
   end
   issued = issued + 1
   return requests[idx]
end

function response(status, headers, body)
   if status ~= 200 then
      bad_status = bad_status + 1
   elseif body == nil or body == "" or body == "success" then
      success_body = success_body + 1
   elseif mode == "aes" then
      if string.find(body, "<Encrypt>", 1, true) then ok = ok + 1 else not_reply = not_reply + 1 end
   elseif string.find(body, "<xml>", 1, true) and string.find(body, "<MsgType>", 1, true) then
      ok = ok + 1
   else
      not_reply = not_reply + 1
   end
end

function done(summary, latency, requests_stats)
   local t = { ok = 0, bad_status = 0, success_body = 0, not_reply = 0, issued = 0, wrapped = 0, count = 0 }
   for _, thread in ipairs(threads) do
      for k, _ in pairs(t) do
         t[k] = t[k] + (thread:get(k) or 0)
      end
   end
   -- Replies later than 4 s: the number of ranks in wrk's latency distribution above
   -- 4,000,000 us, found by bisection with latency:percentile() (rank r is at
   -- percentile (r - 0.25) / n * 100). Requests past --timeout are in errors.timeout.
   local over4 = 0
   local n = summary.requests
   if n > 0 and latency.max > 4000000 then
      local lo, hi = 1, n -- find the first rank whose latency is over 4 s
      while lo < hi do
         local mid = math.floor((lo + hi) / 2)
         if latency:percentile((mid - 0.25) / n * 100) > 4000000 then hi = mid else lo = mid + 1 end
      end
      over4 = n - lo + 1
   end
   local e = summary.errors
   local secs = summary.duration / 1e6
   local out = string.format(
      '{"requests": %d, "duration_s": %.3f, "rps": %.1f, "p50_ms": %.3f, "p90_ms": %.3f, "p99_ms": %.3f, '
         .. '"max_ms": %.3f, "mean_ms": %.3f, "over_4s": %d, "timeouts": %d, "connect_errors": %d, '
         .. '"read_errors": %d, "write_errors": %d, "non_2xx": %d, "ok_replies": %d, "bad_status": %d, '
         .. '"success_instead_of_reply": %d, "not_a_reply": %d, "issued": %d, "file_requests": %d, "wrapped": %d, '
         .. '"bytes": %d}',
      summary.requests, secs, summary.requests / secs,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, latency.mean / 1000, over4, e.timeout, e.connect, e.read, e.write, e.status,
      t.ok, t.bad_status, t.success_body, t.not_reply, t.issued, t.count, t.wrapped, summary.bytes
   )
   io.write("WRKJSON " .. out .. "\n")
   local target = os.getenv("WRK_SUMMARY")
   if target and target ~= "" then
      local fh = io.open(target, "w")
      fh:write(out .. "\n")
      fh:close()
   end
end
