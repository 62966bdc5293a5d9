namespace DeepStreamNet.Service.Dashboard;

/// <summary>The single dashboard page: the MJPEG video, a per-source table polled from <c>/api/stats</c>, the recent
/// no-mask events with their faces from <c>/api/events</c>, and the streams (<c>/api/streams</c>) with a form that adds
/// one and buttons that remove one through nvmultiurisrcbin's REST API (<c>/stream/add</c>, <c>/stream/remove</c>). The page keeps what it saw in <c>data-*</c> attributes of
/// <c>&lt;body&gt;</c> (distinct pictures drawn, stats updates), which the browser test reads.</summary>
internal static class DashboardPage
{
    public const string Html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>DeepStreamNet — face-mask dashboard</title>
        <style>
          body { font-family: sans-serif; margin: 1em; background: #111; color: #eee; }
          main { display: flex; gap: 1em; flex-wrap: wrap; }
          #video { max-width: 960px; width: 100%; border: 1px solid #444; }
          table { border-collapse: collapse; }
          td, th { padding: 0.2em 0.6em; border-bottom: 1px solid #333; text-align: right; }
          .nomask { color: #f66; }
          #events img { height: 64px; margin: 0 0.5em 0.5em 0; vertical-align: middle; }
          #add-stream input { margin: 0 0.3em 0.3em 0; }
          #stream-status.fail { color: #f66; }
        </style>
        </head>
        <body data-frames-seen="0" data-stats-updates="0">
        <h1>Face-mask detection</h1>
        <main>
          <section><img id="video" src="/video.mjpg" alt="annotated video"><canvas id="probe" width="64" height="36" hidden></canvas></section>
          <section>
            <h2>Sources</h2>
            <table><thead><tr><th>source</th><th>frames/s</th><th>mask</th><th>no-mask</th><th>frames</th><th>dropped</th></tr></thead>
            <tbody id="sources"></tbody></table>
            <h2>Streams</h2>
            <ul id="streams"></ul>
            <form id="add-stream">
              <input name="camera_id" placeholder="camera id" required>
              <input name="camera_name" placeholder="name">
              <input name="camera_url" placeholder="file:///… or rtsp://…" size="40" required>
              <button type="submit">Add stream</button>
            </form>
            <div id="stream-status"></div>
            <h2>Recent no-mask events</h2>
            <div id="events"></div>
          </section>
        </main>
        <script>
        const body = document.body;
        const seen = new Set();
        function sample() {
          // Draw the current MJPEG picture small and remember its fingerprint: proof that the video moves.
          const img = document.getElementById('video');
          if (!img.naturalWidth) return;
          const c = document.getElementById('probe').getContext('2d');
          c.drawImage(img, 0, 0, 64, 36);
          const d = c.getImageData(0, 0, 64, 36).data;
          let h = 0;
          for (let i = 0; i < d.length; i += 7) h = (h * 31 + d[i]) | 0;
          seen.add(h);
          body.dataset.framesSeen = seen.size;
        }
        async function stats() {
          const s = await (await fetch('/api/stats')).json();
          document.getElementById('sources').innerHTML = s.sources.map(x =>
            `<tr data-source="${x.source}" data-frames="${x.frames}"><td>${x.source}</td><td>${x.fps.toFixed(1)}</td><td>${x.mask}</td><td class="nomask">${x.noMask}</td><td>${x.frames}</td><td>${x.dropped}</td></tr>`).join('');
          body.dataset.statsUpdates = +body.dataset.statsUpdates + 1;
          body.dataset.lastFrames = s.sources.reduce((a, x) => a + x.frames, 0);
          const ev = await (await fetch('/api/events')).json();
          document.getElementById('events').innerHTML = ev.map(e =>
            `<div class="event" data-id="${e.id}">${e.crop ? `<img src="${e.crop}" alt="face">` : ''}source ${e.source}, track ${e.trackingId}, ${e.timestamp ?? ''}</div>`).join('');
          body.dataset.events = ev.length;
        }
        async function change(path, camera_id, camera_url, camera_name, kind) {
          const r = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({
            key: 'sensor', value: { camera_id, camera_name, camera_url, change: kind },
            headers: { source: 'dashboard', created_at: new Date().toISOString() } }) });
          const answer = await r.json();
          const status = document.getElementById('stream-status');
          status.textContent = answer.status + (answer.reason ? ': ' + answer.reason : '');
          status.className = r.ok ? 'ok' : 'fail';
          await streams();
        }
        async function streams() {
          const list = await (await fetch('/api/streams')).json();
          const ul = document.getElementById('streams');
          ul.replaceChildren(...list.map(s => {
            const li = document.createElement('li');
            li.dataset.stream = s.stream_id;
            li.textContent = `${s.stream_id}: ${s.camera_id}${s.camera_name ? ' (' + s.camera_name + ')' : ''} ${s.camera_url ?? ''} `;
            const b = document.createElement('button');
            b.textContent = 'Remove';
            b.onclick = () => change('/stream/remove', s.camera_id, s.camera_url ?? '', s.camera_name ?? '', 'camera_remove');
            li.append(b);
            return li;
          }));
        }
        document.getElementById('add-stream').addEventListener('submit', ev => {
          ev.preventDefault();
          const f = new FormData(ev.target);
          change('/stream/add', f.get('camera_id'), f.get('camera_url'), f.get('camera_name'), 'camera_add').catch(e => {
            document.getElementById('stream-status').textContent = String(e);
          });
        });
        setInterval(sample, 200);
        setInterval(() => streams().catch(() => {}), 2000);
        setInterval(() => stats().catch(() => {}), 500);
        </script>
        </body>
        </html>
        """;
}
