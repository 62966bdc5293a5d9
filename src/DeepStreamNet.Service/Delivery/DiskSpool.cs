using System.Globalization;
using System.Text;
using DeepStreamNet.Service.Brokers;

namespace DeepStreamNet.Service.Delivery;

/// <summary>
/// A bounded on-disk FIFO of messages waiting for the broker: one file per message (<c>NNNNNNNNNNNN.msg</c>, written to a
/// temporary name and renamed, so a crash never leaves half a message), kept across restarts. When full, the oldest
/// message is deleted to make room and counted in <see cref="Dropped"/> — appending never blocks and never fails for
/// lack of room.
/// </summary>
public sealed class DiskSpool
{
    private const string Extension = ".msg";
    private readonly Lock _gate = new();
    private readonly SortedSet<long> _ids = [];
    private long _next;
    private long _dropped;

    /// <param name="directory">Spool folder (created if missing; existing messages are picked up).</param>
    /// <param name="capacity">Most messages held; the oldest is dropped beyond that.</param>
    public DiskSpool(string directory, int capacity)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Directory = directory;
        Capacity = capacity;
        System.IO.Directory.CreateDirectory(directory);
        foreach (var f in System.IO.Directory.EnumerateFiles(directory, "*" + Extension))
        {
            if (long.TryParse(Path.GetFileNameWithoutExtension(f), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                _ids.Add(id);
            }
        }

        _next = _ids.Count == 0 ? 0 : _ids.Max + 1;
    }

    public string Directory { get; }

    public int Capacity { get; }

    /// <summary>Messages on disk now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _ids.Count;
            }
        }
    }

    /// <summary>Messages dropped because the spool was full (oldest first).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Appends a message; returns true when an older one had to be dropped for it.</summary>
    public bool Append(BrokerMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var dropped = false;
        long id;
        lock (_gate)
        {
            while (_ids.Count >= Capacity)
            {
                var oldest = _ids.Min;
                _ids.Remove(oldest);
                TryDelete(oldest);
                Interlocked.Increment(ref _dropped);
                dropped = true;
            }

            id = _next++;
        }

        var path = PathOf(id);
        var tmp = path + ".tmp";
        using (var w = new BinaryWriter(File.Create(tmp), Encoding.UTF8))
        {
            w.Write(message.Topic);
            w.Write(message.Key ?? string.Empty);
            w.Write(message.Key is not null);
            w.Write(message.Payload.Length);
            w.Write(message.Payload);
        }

        File.Move(tmp, path, overwrite: true);
        lock (_gate)
        {
            _ids.Add(id);
        }

        return dropped;
    }

    /// <summary>The oldest message and its id, or null when empty (it stays until <see cref="Remove"/>).</summary>
    public (long Id, BrokerMessage Message)? Peek()
    {
        while (true)
        {
            long id;
            lock (_gate)
            {
                if (_ids.Count == 0)
                {
                    return null;
                }

                id = _ids.Min;
            }

            try
            {
                using var r = new BinaryReader(File.OpenRead(PathOf(id)), Encoding.UTF8);
                var topic = r.ReadString();
                var key = r.ReadString();
                var hasKey = r.ReadBoolean();
                var payload = r.ReadBytes(r.ReadInt32());
                return (id, new BrokerMessage(topic, payload, hasKey ? key : null));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Remove(id); // unreadable (dropped meanwhile or damaged): skip it
            }
        }
    }

    /// <summary>Deletes a delivered message.</summary>
    public void Remove(long id)
    {
        lock (_gate)
        {
            _ids.Remove(id);
        }

        TryDelete(id);
    }

    private string PathOf(long id) => Path.Combine(Directory, id.ToString("D12", CultureInfo.InvariantCulture) + Extension);

    private void TryDelete(long id)
    {
        try
        {
            File.Delete(PathOf(id));
        }
        catch (IOException)
        {
            // already gone
        }
    }
}
