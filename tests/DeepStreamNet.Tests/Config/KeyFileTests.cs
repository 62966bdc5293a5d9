using DeepStreamNet.Config;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Config;

/// <summary>GKeyFile syntax rules (spec deepstream-app-config.md §2), each with its expected result or error.</summary>
public sealed class KeyFileTests
{
    private static KeyFile Parse(string text) => KeyFile.Parse(text, "test.txt");

    [Test]
    public void Groups_and_keys_keep_their_lines()
    {
        var kf = Parse("# comment\n\n[application]\nenable-perf-measurement=1\n  [osd]\n  border-width = 4\n");
        Assert.That(kf.Groups.Select(g => g.Name), Is.EqualTo(new[] { "application", "osd" }));
        var e = kf.Group("osd")!.Find("border-width")!;
        Assert.Multiple(() =>
        {
            Assert.That(e.RawValue, Is.EqualTo("4"));
            Assert.That(e.Line, Is.EqualTo(6));
            Assert.That(kf.Group("osd")!.Line, Is.EqualTo(5));
            Assert.That(e.Origin, Is.EqualTo("test.txt"));
        });
    }

    [Test]
    public void Names_are_case_sensitive()
    {
        var kf = Parse("[OSD]\nEnable=1\n");
        Assert.Multiple(() =>
        {
            Assert.That(kf.Group("osd"), Is.Null);
            Assert.That(kf.Group("OSD")!.Find("enable"), Is.Null);
            Assert.That(kf.Group("OSD")!.Find("Enable"), Is.Not.Null);
        });
    }

    [Test]
    public void Key_before_first_group_fails_the_whole_file()
    {
        var ex = Assert.Throws<KeyFileException>(() => Parse("enable=1\n[osd]\n"));
        Assert.That(ex!.Message, Does.StartWith("test.txt:1: enable: key file does not start with a group"));
    }

    [Test]
    public void Line_without_equals_fails_with_its_line()
    {
        var ex = Assert.Throws<KeyFileException>(() => Parse("[osd]\nenable=1\njunk line\n"));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Line, Is.EqualTo(3));
            Assert.That(ex.Group, Is.EqualTo("osd"));
            Assert.That(ex.Message, Does.StartWith("test.txt:3: [osd]: invalid line 'junk line'"));
        });
    }

    [Test]
    public void Semicolon_at_line_start_is_not_a_comment()
    {
        var ex = Assert.Throws<KeyFileException>(() => Parse("[osd]\n; a comment?\n"));
        Assert.That(ex!.Message, Does.Contain("';' does not start a comment"));
    }

    [Test]
    public void Semicolon_comment_line_with_equals_becomes_a_key()
    {
        // GLib reads "; x=1" as key "; x": no comment syntax other than '#'.
        var kf = Parse("[osd]\n; x=1\n");
        Assert.That(kf.Group("osd")!.Find("; x")!.RawValue, Is.EqualTo("1"));
    }

    [Test]
    public void Whitespace_around_equals_is_trimmed_but_trailing_value_whitespace_is_kept()
    {
        var kf = Parse("[osd]\nfont =   Arial  \n");
        Assert.That(kf.Group("osd")!.Find("font")!.RawValue, Is.EqualTo("Arial  "));
    }

    [Test]
    public void Crlf_line_ends_drop_the_cr()
    {
        var kf = Parse("[osd]\r\nfont=Arial\r\nborder-width=4\r\n");
        Assert.Multiple(() =>
        {
            Assert.That(kf.Group("osd")!.Find("font")!.RawValue, Is.EqualTo("Arial"));
            Assert.That(KeyFileValues.ParseInt(kf.Group("osd")!.Find("border-width")!.RawValue), Is.EqualTo(4));
        });
    }

    [Test]
    public void Inline_hash_is_part_of_the_value()
    {
        var kf = Parse("[osd]\nfont=Arial # font\n");
        Assert.That(KeyFileValues.ParseString(kf.Group("osd")!.Find("font")!.RawValue), Is.EqualTo("Arial # font"));
    }

    [Test]
    public void Repeated_group_merges_into_the_first_and_last_key_wins()
    {
        var kf = Parse("[osd]\nborder-width=1\n[sink0]\ntype=1\n[osd]\nborder-width=3\ntext-size=9\n");
        var osd = kf.Group("osd")!;
        Assert.Multiple(() =>
        {
            Assert.That(kf.Groups.Select(g => g.Name), Is.EqualTo(new[] { "osd", "sink0" }));
            Assert.That(osd.Find("border-width")!.RawValue, Is.EqualTo("3"));
            Assert.That(osd.Find("border-width")!.Line, Is.EqualTo(6));
            Assert.That(osd.Entries.Count(e => e.Key == "border-width"), Is.EqualTo(2), "repeated keys are enumerated twice");
            Assert.That(osd.Keys, Is.EqualTo(new[] { "border-width", "text-size" }));
        });
    }

    [Test]
    public void Group_header_needs_closing_bracket_and_only_blanks_after_it()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => Parse("[osd\n"), Throws.TypeOf<KeyFileException>().With.Message.Contains("missing ']'"));
            Assert.That(() => Parse("[osd] x\n"), Throws.TypeOf<KeyFileException>().With.Message.Contains("only blanks may follow ']'"));
            Assert.That(Parse("[osd]   \n").Group("osd"), Is.Not.Null);
        });
    }

    [Test]
    public void Empty_key_is_an_error()
    {
        Assert.That(() => Parse("[osd]\n=4\n"), Throws.TypeOf<KeyFileException>().With.Message.Contains("invalid key name"));
    }

    [Test]
    public void Byte_order_mark_is_reported()
    {
        Assert.That(() => Parse("\uFEFF[osd]\n"), Throws.TypeOf<KeyFileException>().With.Message.Contains("byte-order mark"));
    }

    [Test]
    public void Load_reports_missing_file_with_its_path()
    {
        var ex = Assert.Throws<KeyFileException>(() => KeyFile.Load("/nonexistent/dir/app.txt"));
        Assert.That(ex!.Message, Does.StartWith("/nonexistent/dir/app.txt: cannot read file"));
    }

    [Test]
    public void Override_uses_key_file_rules_and_names_the_command_line()
    {
        var kf = Parse("[osd]\nborder-width=1\n");
        kf.ApplyOverride("osd.border-width = 7", 1);
        kf.ApplyOverride("source0.uri=file://a=b.mp4", 2);
        Assert.Multiple(() =>
        {
            var e = kf.Group("osd")!.Find("border-width")!;
            Assert.That(e.RawValue, Is.EqualTo("7"));
            Assert.That(e.Origin, Is.EqualTo(KeyFile.CommandLineOrigin));
            Assert.That(e.Line, Is.EqualTo(1));
            Assert.That(kf.Group("source0")!.Find("uri")!.RawValue, Is.EqualTo("file://a=b.mp4"));
        });
    }

    [Test]
    public void Malformed_override_is_rejected()
    {
        var kf = Parse("[osd]\n");
        var ex = Assert.Throws<KeyFileException>(() => kf.ApplyOverride("border-width=7", 3));
        Assert.That(ex!.Message, Is.EqualTo("command line --set:3: 'border-width=7' is not of the form group.key=value"));
    }
}
