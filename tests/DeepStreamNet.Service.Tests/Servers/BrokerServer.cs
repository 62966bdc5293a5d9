using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DeepStreamNet.Service.Tests.Servers;

/// <summary>
/// A real broker from Debian (mosquitto, redis-server, rabbitmq-server) started by the test on a free loopback port
/// in a temporary folder, stoppable and restartable on the same port (for the outage tests). Every process it starts
/// is killed by id on <see cref="Dispose"/>.
/// </summary>
internal sealed partial class BrokerServer : IDisposable
{
    private readonly string _exe;
    private readonly Func<int, string[]> _args;
    private readonly Dictionary<string, string> _env;
    private readonly Action? _afterStop;
    private Process? _process;

    private BrokerServer(string name, string exe, Func<int, string[]> args, Dictionary<string, string>? env = null, Action? afterStop = null, string? dir = null)
    {
        Name = name;
        _exe = exe;
        _args = args;
        _env = env ?? [];
        _afterStop = afterStop;
        Directory = dir ?? ServicePaths.TempDir(name);
        Port = FreePort();
    }

    public string Name { get; }

    public string Directory { get; }

    public int Port { get; }

    public string Log => Path.Combine(Directory, "server.log");

    /// <summary>mosquitto with persistence on (queued QoS 1 messages of persistent sessions survive a restart).</summary>
    public static BrokerServer Mosquitto()
    {
        var dir = ServicePaths.TempDir("mosquitto");
        return new BrokerServer("mosquitto", "/usr/sbin/mosquitto", port =>
        {
            var conf = Path.Combine(dir, "mosquitto.conf");
            // user: mosquitto started as root would otherwise switch to the mosquitto user, who cannot write the spool folder.
            File.WriteAllText(conf, $"listener {port} 127.0.0.1\nallow_anonymous true\nuser {Environment.UserName}\npersistence true\npersistence_location {dir}/\nautosave_interval 1\n");
            return ["-c", conf];
        }, dir: dir);
    }

    /// <summary>redis-server with an append-only file (the stream survives a restart).</summary>
    public static BrokerServer Redis()
    {
        var dir = ServicePaths.TempDir("redis");
        return new BrokerServer("redis", "/usr/bin/redis-server", port =>
            ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "yes", "--appendfsync", "always"], dir: dir);
    }

    /// <summary>rabbitmq-server as a throw-away node (own node name, Erlang port mapper port, data folder); slow to boot (~10–60 s).</summary>
    public static BrokerServer RabbitMq()
    {
        var dir = ServicePaths.TempDir("rabbitmq");
        var epmd = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(dir, "plugins"), "[].");
        File.WriteAllText(Path.Combine(dir, "rabbitmq.conf"), "loopback_users = none\n");
        var env = new Dictionary<string, string>
        {
            ["HOME"] = dir,
            ["RABBITMQ_NODENAME"] = $"dsnet{Environment.ProcessId}@localhost",
            ["RABBITMQ_DIST_PORT"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(dir, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(dir, "log"),
            ["RABBITMQ_LOGS"] = "-",
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(dir, "plugins"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(dir, "rabbitmq"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(dir, "pid"),
            ["ERL_EPMD_PORT"] = epmd,
        };
        return new BrokerServer("rabbitmq", "/usr/lib/rabbitmq/bin/rabbitmq-server", port =>
        {
            env["RABBITMQ_NODE_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return [];
        }, env, afterStop: () => KillEpmd(epmd), dir: dir);
    }

    /// <summary>Starts the server and waits until its port accepts connections.</summary>
    public void Start(TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(_exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Directory,
        };
        foreach (var a in _args(Port))
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (k, v) in _env)
        {
            info.Environment[k] = v;
        }

        var log = new StreamWriter(Log, append: true) { AutoFlush = true };
        _process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {_exe}");
        _process.OutputDataReceived += (_, e) => Write(log, e.Data);
        _process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!Accepts(Port))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}; log: {Log}\n{SafeTail()}");
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{Name} did not open port {Port}; log: {Log}\n{SafeTail()}");
            }

            Thread.Sleep(100);
        }
    }

    /// <summary>Stops the server (SIGTERM, then kill) and waits until the port is closed.</summary>
    public void Stop()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _ = Kill(_process.Id, 15);
                if (!_process.WaitForExit(10_000))
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(5_000);
                }
            }
        }
        finally
        {
            _process.Dispose();
            _process = null;
            _afterStop?.Invoke();
        }
    }

    public void Dispose() => Stop();

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    private string SafeTail()
    {
        try
        {
            return string.Join('\n', File.ReadAllLines(Log).TakeLast(20));
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var c = new TcpClient();
            c.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    // rabbitmq-server starts an Erlang port mapper daemon on our private port; it would outlive the node.
    private static void KillEpmd(string port)
    {
        var info = new ProcessStartInfo("/usr/bin/epmd", "-kill") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["ERL_EPMD_PORT"] = port;
        using var p = Process.Start(info);
        p?.WaitForExit(5_000);
    }

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}
