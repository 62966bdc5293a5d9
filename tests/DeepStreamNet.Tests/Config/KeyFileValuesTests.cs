using DeepStreamNet.Config;
using NUnit.Framework;

namespace DeepStreamNet.Tests.Config;

/// <summary>GLib typed value rules: integers, doubles, booleans, lists, colours, string escapes.</summary>
public sealed class KeyFileValuesTests
{
    [TestCase("1280", 1280)]
    [TestCase("1280 #640", 1280)]
    [TestCase("-5", -5)]
    [TestCase("+7", 7)]
    [TestCase("  42", 42)]
    [TestCase("42\t", 42)]
    public void Integers_accepted(string raw, int expected) => Assert.That(KeyFileValues.ParseInt(raw), Is.EqualTo(expected));

    [TestCase("960#480")]
    [TestCase("0x10")]
    [TestCase("1.5")]
    [TestCase("12abc")]
    [TestCase("")]
    [TestCase("abc")]
    [TestCase("99999999999")]
    public void Integers_rejected(string raw) => Assert.That(() => KeyFileValues.ParseInt(raw), Throws.TypeOf<FormatException>());

    [Test]
    public void Integer_with_glued_comment_hints_at_inline_comments() =>
        Assert.That(() => KeyFileValues.ParseInt("960#480"), Throws.TypeOf<FormatException>().With.Message.Contains("no inline comments"));

    [TestCase("0.5", 0.5)]
    [TestCase("0.0039215697906911373", 0.0039215697906911373)]
    [TestCase("-1e-3", -0.001)]
    [TestCase(".5", 0.5)]
    public void Doubles_accepted(string raw, double expected) => Assert.That(KeyFileValues.ParseDouble(raw), Is.EqualTo(expected));

    [TestCase("0.5 #x")]
    [TestCase("0.5 ")]
    [TestCase("0,5")]
    [TestCase("")]
    public void Doubles_rejected(string raw) => Assert.That(() => KeyFileValues.ParseDouble(raw), Throws.TypeOf<FormatException>());

    [TestCase("true", true)]
    [TestCase("false", false)]
    [TestCase("1", true)]
    [TestCase("0", false)]
    [TestCase("true  ", true)]
    public void Booleans_accepted(string raw, bool expected) => Assert.That(KeyFileValues.ParseBool(raw), Is.EqualTo(expected));

    [TestCase("TRUE")]
    [TestCase("yes")]
    [TestCase("on")]
    [TestCase("true # x")]
    [TestCase("2")]
    public void Booleans_rejected(string raw) => Assert.That(() => KeyFileValues.ParseBool(raw), Throws.TypeOf<FormatException>());

    [Test]
    public void Trailing_semicolon_is_ignored_in_lists()
    {
        Assert.Multiple(() =>
        {
            Assert.That(KeyFileValues.ParseIntList("1;1;1;1;"), Is.EqualTo(new[] { 1, 1, 1, 1 }));
            Assert.That(KeyFileValues.ParseStringList("a;b;"), Is.EqualTo(new[] { "a", "b" }));
            Assert.That(KeyFileValues.ParseStringList("a;;b"), Is.EqualTo(new[] { "a", "", "b" }));
        });
    }

    [Test]
    public void Escaped_semicolon_is_literal_in_string_lists()
    {
        Assert.That(KeyFileValues.ParseStringList(@"a\;b;c"), Is.EqualTo(new[] { "a;b", "c" }));
    }

    [Test]
    public void Numeric_list_elements_must_not_have_spaces()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => KeyFileValues.ParseDoubleList("0.3; 0.3"), Throws.TypeOf<FormatException>().With.Message.Contains("list element 2"));
            Assert.That(() => KeyFileValues.ParseDoubleList("0.3 ;0.3"), Throws.TypeOf<FormatException>());
            Assert.That(() => KeyFileValues.ParseIntList("1; 2"), Throws.TypeOf<FormatException>());
        });
    }

    [Test]
    public void Colours_need_exactly_four_components()
    {
        Assert.Multiple(() =>
        {
            Assert.That(KeyFileValues.ParseColour("1;1;1;1;"), Is.EqualTo(new Rgba(1, 1, 1, 1)));
            Assert.That(KeyFileValues.ParseColour("0.3;0.3;0.3;1"), Is.EqualTo(new Rgba(0.3, 0.3, 0.3, 1)));
            Assert.That(() => KeyFileValues.ParseColour("1;0;0"), Throws.TypeOf<FormatException>().With.Message.Contains("has 3 component(s); expected exactly 4"));
            Assert.That(() => KeyFileValues.ParseColour("1;0;0;1;1"), Throws.TypeOf<FormatException>());
        });
    }

    [TestCase(@"a\sb", "a b")]
    [TestCase(@"a\nb", "a\nb")]
    [TestCase(@"a\tb", "a\tb")]
    [TestCase(@"a\rb", "a\rb")]
    [TestCase(@"a\\b", @"a\b")]
    [TestCase("\"quoted\"", "\"quoted\"")]
    public void String_escapes(string raw, string expected) => Assert.That(KeyFileValues.ParseString(raw), Is.EqualTo(expected));

    [Test]
    public void Invalid_escapes_are_errors()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => KeyFileValues.ParseString(@"C:\videos"), Throws.TypeOf<FormatException>().With.Message.Contains(@"invalid escape sequence '\v'"));
            Assert.That(() => KeyFileValues.ParseString(@"a\;b"), Throws.TypeOf<FormatException>(), @"\; is only valid in lists");
            Assert.That(() => KeyFileValues.ParseString(@"trailing\"), Throws.TypeOf<FormatException>().With.Message.Contains("escape character at the end"));
        });
    }

    [Test]
    public void Int64_needs_the_whole_value()
    {
        Assert.Multiple(() =>
        {
            Assert.That(KeyFileValues.ParseInt64("5000000000"), Is.EqualTo(5000000000L));
            Assert.That(() => KeyFileValues.ParseInt64("5 "), Throws.TypeOf<FormatException>());
        });
    }
}
