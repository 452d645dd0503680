using System.Runtime.InteropServices;

namespace RefundSaver.Hosting.Processes;

/// <summary>The two libc calls .NET has no API for: sending a chosen signal, and the effective user id.</summary>
internal static class NativeMethods
{
    public const int SignalInterrupt = 2;
    public const int SignalTerminate = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static extern int Kill(int processId, int signal);

    [DllImport("libc", EntryPoint = "geteuid")]
    public static extern uint GetEffectiveUserId();
}
