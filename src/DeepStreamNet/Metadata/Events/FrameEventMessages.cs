using DeepStreamNet.Interop;

namespace DeepStreamNet.Metadata.Events;

/// <summary>
/// Event messages on frames, as deepstream-test4/test5 attach them: <c>frame.AddEventMessage(message)</c> acquires a
/// user meta from the batch pool with <c>meta_type</c> <c>NVDS_EVENT_MSG_META</c>, the native event meta as
/// <c>user_meta_data</c> and deep copy/release functions, and adds it to the frame's user meta list (where nvmsgconv
/// looks). <c>frame.EventMessages()</c> walks every event meta of a frame, whoever attached it.
/// </summary>
public static unsafe class FrameEventMessages
{
    /// <summary>Attaches <paramref name="message"/> to <paramref name="frame"/> as <c>NVDS_EVENT_MSG_META</c> user meta.</summary>
    public static void AddEventMessage(this FrameMeta frame, EventMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (frame.IsNull)
        {
            throw new ArgumentException("the frame view is null", nameof(frame));
        }

        var um = NvDs.nvds_acquire_user_meta_from_pool(frame.Native->base_meta.batch_meta);
        if (um is null)
        {
            throw new InvalidOperationException("the batch meta's user meta pool is exhausted");
        }

        um->user_meta_data = EventMsgMetaMemory.Allocate(message);
        um->base_meta.meta_type = NvDsMetaType.NVDS_EVENT_MSG_META;
        um->base_meta.copy_func = &EventMsgMetaMemory.Copy;
        um->base_meta.release_func = &EventMsgMetaMemory.Release;
        NvDs.nvds_add_user_meta_to_frame(frame.Native, um);
    }

    /// <summary>The frame's event metas (user metas of type <c>NVDS_EVENT_MSG_META</c>), in list order.</summary>
    public static EventMsgMetaList EventMessages(this FrameMeta frame) => new(frame.IsNull ? null : frame.Native->frame_user_meta_list);

    /// <summary>Native event metas allocated by <see cref="AddEventMessage"/> (or copied) and not yet released.</summary>
    public static long LiveNativeEvents => EventMsgMetaMemory.Live;
}
