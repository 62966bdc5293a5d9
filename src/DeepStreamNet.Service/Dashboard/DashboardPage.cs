namespace DeepStreamNet.Service.Dashboard;

/// <summary>The single dashboard page: the MJPEG video, a per-source table polled from <c>/api/stats</c> and the recent
/// no-mask events with their faces from <c>/api/events</c>. The page keeps what it saw in <c>data-*</c> attributes of
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
            `<tr><td>${x.source}</td><td>${x.fps.toFixed(1)}</td><td>${x.mask}</td><td class="nomask">${x.noMask}</td><td>${x.frames}</td><td>${x.dropped}</td></tr>`).join('');
          body.dataset.statsUpdates = +body.dataset.statsUpdates + 1;
          body.dataset.lastFrames = s.sources.reduce((a, x) => a + x.frames, 0);
          const ev = await (await fetch('/api/events')).json();
          document.getElementById('events').innerHTML = ev.map(e =>
            `<div class="event" data-id="${e.id}">${e.crop ? `<img src="${e.crop}" alt="face">` : ''}source ${e.source}, track ${e.trackingId}, ${e.timestamp ?? ''}</div>`).join('');
          body.dataset.events = ev.length;
        }
        setInterval(sample, 200);
        setInterval(() => stats().catch(() => {}), 500);
        </script>
        </body>
        </html>
        """;
}
