using System.Runtime.CompilerServices;
using NUnit.Framework;

namespace DeepStreamNet.Interop.Tests;

/// <summary>Generated bitfield properties read and write the same bits GLib itself uses (GClosure's header word).</summary>
public sealed unsafe class BitfieldTests
{
    [Test]
    public void GClosure_ref_count_and_floating_bits_follow_GLib()
    {
        GClosure* closure = GLib.g_closure_new_simple((uint)Unsafe.SizeOf<GClosure>(), null);
        Assert.Multiple(() =>
        {
            Assert.That(closure->ref_count, Is.EqualTo(1u));
            Assert.That(closure->floating, Is.EqualTo(1u), "new closures are floating");
            Assert.That(closure->is_invalid, Is.Zero);
        });

        GLib.g_closure_ref(closure);
        Assert.That(closure->ref_count, Is.EqualTo(2u));
        GLib.g_closure_sink(closure);
        Assert.That(closure->floating, Is.Zero, "sink clears the floating bit");
        Assert.That(closure->ref_count, Is.EqualTo(1u), "sinking a floating closure drops its floating reference");

        GLib.g_closure_invalidate(closure);
        Assert.That(closure->is_invalid, Is.EqualTo(1u));

        // Writing through a property changes only its own bits.
        uint before = closure->ref_count;
        closure->in_marshal = 1;
        Assert.That(closure->in_marshal, Is.EqualTo(1u));
        Assert.That(closure->ref_count, Is.EqualTo(before));
        closure->in_marshal = 0;
        GLib.g_closure_unref(closure);
    }
}
