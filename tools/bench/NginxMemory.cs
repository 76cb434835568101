using System.Globalization;

namespace RealtimeStack.Benchmark;

/// <summary>
/// nginx's memory in KiB, summed over master and workers from /proc/PID/smaps, split by where it lives. PSS is
/// the headline (shared pages split between the processes that map them, so a sum over processes counts each
/// page once); Private_Dirty is what a worker alone has written (heap and buffers; the part per-stream settings
/// change). Heap is the brk heap and anonymous mappings (malloc, including OpenSSL's); shared is nginx's shared
/// memory zones (session cache, upstream zones); files are the binary and libraries.
/// </summary>
public sealed record NginxMemory(long Pss, long PrivateDirty, long Rss, long HeapPss, long SharedPss, long FilePss)
{
    public static NginxMemory Read(IEnumerable<int> processIds)
    {
        long pss = 0, dirty = 0, rss = 0, heap = 0, shared = 0, file = 0;
        foreach (var pid in processIds)
        {
            string[] lines;
            try { lines = File.ReadAllLines($"/proc/{pid}/smaps"); }
            catch (IOException) { continue; } // a worker that just exited
            var kind = "";
            foreach (var line in lines)
            {
                if (IsMappingHeader(line))
                {
                    kind = Kind(line);
                    continue;
                }
                if (line.StartsWith("Pss:", StringComparison.Ordinal))
                {
                    var kib = Kib(line);
                    pss += kib;
                    if (kind == "heap") heap += kib;
                    else if (kind == "shared") shared += kib;
                    else file += kib;
                }
                else if (line.StartsWith("Private_Dirty:", StringComparison.Ordinal)) dirty += Kib(line);
                else if (line.StartsWith("Rss:", StringComparison.Ordinal)) rss += Kib(line);
            }
        }
        return new NginxMemory(pss, dirty, rss, heap, shared, file);
    }

    public static NginxMemory operator -(NginxMemory a, NginxMemory b) =>
        new(a.Pss - b.Pss, a.PrivateDirty - b.PrivateDirty, a.Rss - b.Rss, a.HeapPss - b.HeapPss, a.SharedPss - b.SharedPss, a.FilePss - b.FilePss);

    // Attribute lines are "Name: value"; a mapping's header starts with its address range instead.
    private static bool IsMappingHeader(string line) => line.Length > 0 && !line.Split(' ', 2)[0].EndsWith(':');

    private static string Kind(string header)
    {
        var fields = header.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        var name = fields.Length >= 6 ? fields[5].Trim() : "";
        var sharedMapping = fields.Length > 1 && fields[1].Length == 4 && fields[1][3] == 's';
        if (sharedMapping && (name.Length == 0 || name.StartsWith("/dev/zero", StringComparison.Ordinal) || name.StartsWith("/SYSV", StringComparison.Ordinal))) return "shared";
        if (name.Length == 0 || name == "[heap]") return "heap";
        return name.StartsWith('[') ? "other" : "file";
    }

    private static long Kib(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
