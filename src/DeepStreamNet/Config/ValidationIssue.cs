using System.Text;

namespace DeepStreamNet.Config;

/// <summary>One finding of config parsing or validation, located as precisely as known.</summary>
/// <param name="Severity">Warning (does not fail) or error.</param>
/// <param name="File">Config file (or nvinfer file, or "command line --set").</param>
/// <param name="Line">1-based line; 0 when the finding is about a missing key or a whole file.</param>
/// <param name="Group">Group name without brackets, or null.</param>
/// <param name="Key">Key name, or null.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Hint">How to fix it, or null.</param>
public sealed record ValidationIssue(Severity Severity, string File, int Line, string? Group, string? Key, string Message, string? Hint = null)
{
    /// <summary><c>file:line:</c> or <c>file:line: [group] key:</c> (line left out when 0, group/key when null).</summary>
    public string Location
    {
        get
        {
            var sb = new StringBuilder(File);
            if (Line > 0)
            {
                sb.Append(':').Append(Line);
            }

            sb.Append(':');
            if (Group is not null)
            {
                sb.Append(" [").Append(Group).Append(']');
            }

            if (Key is not null)
            {
                sb.Append(' ').Append(Key);
            }

            if (Group is not null || Key is not null)
            {
                sb.Append(':');
            }

            return sb.ToString();
        }
    }

    /// <summary>One line: <c>file:line: [group] key: severity: message</c>.</summary>
    public override string ToString() => $"{Location} {(Severity == Severity.Error ? "error" : "warning")}: {Message}";

    /// <summary>The line of <see cref="ToString"/> plus an indented <c>hint:</c> line when there is a hint.</summary>
    public string ToDisplayString() => Hint is null ? ToString() : $"{this}{Environment.NewLine}    hint: {Hint}";
}
