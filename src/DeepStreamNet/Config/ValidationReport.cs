namespace DeepStreamNet.Config;

/// <summary>Every problem found in a config (all reported at once, in the order found).</summary>
public sealed class ValidationReport
{
    private readonly List<ValidationIssue> _issues = [];

    public IReadOnlyList<ValidationIssue> Issues => _issues;

    public IEnumerable<ValidationIssue> Errors => _issues.Where(i => i.Severity == Severity.Error);

    public IEnumerable<ValidationIssue> Warnings => _issues.Where(i => i.Severity == Severity.Warning);

    /// <summary>True when there is no error (warnings do not make a config invalid).</summary>
    public bool IsValid => !_issues.Any(i => i.Severity == Severity.Error);

    public void Add(ValidationIssue issue) => _issues.Add(issue);

    public void Error(string file, int line, string? group, string? key, string message, string? hint = null) =>
        _issues.Add(new ValidationIssue(Severity.Error, file, line, group, key, message, hint));

    public void Warning(string file, int line, string? group, string? key, string message, string? hint = null) =>
        _issues.Add(new ValidationIssue(Severity.Warning, file, line, group, key, message, hint));

    /// <summary>Records a key-file syntax failure as an error.</summary>
    public void Add(KeyFileException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        Error(ex.Origin ?? "?", ex.Line, ex.Group, ex.Key, ex.Reason ?? ex.Message);
    }

    public override string ToString() => string.Join(Environment.NewLine, _issues.Select(i => i.ToDisplayString()));
}
