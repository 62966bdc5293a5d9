using System.Runtime.InteropServices;
using DeepStreamNet.Interop.Tests.Pipelines;
using NUnit.Framework;

namespace DeepStreamNet.Interop.Tests;

/// <summary>Builds and walks an NvDsBatchMeta through the NvDs bindings against whichever metadata library resolves.</summary>
public sealed unsafe class NvDsBatchMetaTests
{
    private static void RequireMetaApi()
    {
        nint lib = NativeLibraryResolver.Load(LibraryNames.NvDsMeta);
        if (!NativeLibrary.TryGetExport(lib, "nvds_create_batch_meta", out _))
        {
            Assert.Fail($"{NativeLibraryResolver.LoadedPath(LibraryNames.NvDsMeta)} does not export nvds_create_batch_meta");
        }
    }

    [Test]
    public void Batch_meta_with_two_frames_and_objects_reads_back_through_the_generated_structs()
    {
        RequireMetaApi();
        NvDsBatchMeta* batch = NvDs.nvds_create_batch_meta(4);
        Assert.That(batch != null, Is.True);
        try
        {
            Assert.That(batch->max_frames_in_batch, Is.EqualTo(4u));
            Assert.That(batch->base_meta.meta_type, Is.EqualTo(NvDsMetaType.NVDS_BATCH_META));
            for (uint f = 0; f < 2; f++)
            {
                NvDsFrameMeta* frame = NvDs.nvds_acquire_frame_meta_from_pool(batch);
                frame->source_id = f;
                frame->batch_id = f;
                frame->frame_num = (int)(10 + f);
                NvDs.nvds_add_frame_meta_to_batch(batch, frame);
                for (int o = 0; o <= (int)f; o++)
                {
                    NvDsObjectMeta* obj = NvDs.nvds_acquire_obj_meta_from_pool(batch);
                    obj->class_id = o;
                    obj->confidence = 0.5f + o;
                    obj->rect_params.width = 32;
                    NvDs.nvds_add_obj_meta_to_frame(frame, obj, null);
                }
            }

            Assert.That(batch->num_frames_in_batch, Is.EqualTo(2u));
            var seen = new List<(uint Source, int FrameNum, uint Objects, int ClassSum)>();
            for (GList* l = batch->frame_meta_list; l != null; l = l->next)
            {
                var frame = (NvDsFrameMeta*)l->data;
                Assert.That(frame->base_meta.meta_type, Is.EqualTo(NvDsMetaType.NVDS_FRAME_META));
                Assert.That(frame->base_meta.batch_meta == batch, Is.True);
                int classSum = 0;
                for (GList* ol = frame->obj_meta_list; ol != null; ol = ol->next)
                {
                    var obj = (NvDsObjectMeta*)ol->data;
                    Assert.That(obj->rect_params.width, Is.EqualTo(32f));
                    classSum += obj->class_id;
                }

                seen.Add((frame->source_id, frame->frame_num, frame->num_obj_meta, classSum));
            }

            Assert.That(seen.OrderBy(s => s.Source), Is.EqualTo(new[] { (0u, 10, 1u, 0), (1u, 11, 2u, 1) }));
        }
        finally
        {
            NvDs.nvds_destroy_batch_meta(batch);
        }
    }

    [Test]
    public void Batch_meta_attached_to_a_buffer_is_found_through_the_gst_meta_functions()
    {
        RequireMetaApi();
        GstSetUpFixture.EnsureInitialized();
        nint lib = NativeLibraryResolver.Load(LibraryNames.NvDsMeta);
        var copy = (delegate* unmanaged[Cdecl]<void*, void*, void*>)NativeLibrary.GetExport(lib, "nvds_batch_meta_copy_func");
        var release = (delegate* unmanaged[Cdecl]<void*, void*, void>)NativeLibrary.GetExport(lib, "nvds_batch_meta_release_func");

        NvDsBatchMeta* batch = NvDs.nvds_create_batch_meta(1);
        NvDs.nvds_add_frame_meta_to_batch(batch, NvDs.nvds_acquire_frame_meta_from_pool(batch));
        GstBuffer* buffer = Gst.gst_buffer_new();
        NvDsMeta* meta = NvDs.gst_buffer_add_nvds_meta(buffer, batch, null, copy, release);
        Assert.That(meta != null, Is.True);
        meta->meta_type = (int)GstNvDsMetaType.NVDS_BATCH_GST_META;

        Assert.That(NvDs.gst_buffer_get_nvds_meta(buffer) == meta, Is.True);
        Assert.That(NvDs.gst_buffer_get_nvds_batch_meta(buffer) == batch, Is.True);
        Assert.That(NvDs.gst_buffer_get_nvds_batch_meta(buffer)->num_frames_in_batch, Is.EqualTo(1u));
        Assert.That(NvDs.nvds_meta_api_get_type(), Is.Not.Zero);

        // The buffer owns the batch now: its release function frees it with the buffer.
        Gst.gst_mini_object_unref((GstMiniObject*)buffer);
    }
}
