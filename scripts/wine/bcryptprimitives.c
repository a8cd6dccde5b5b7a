/* A stand-in for Windows 10's bcryptprimitives.dll, for testing planpress.exe
 * under Wine 8, which lacks it: Rust's standard library asks it for random bytes
 * (ProcessPrng). Forwards to advapi32's RtlGenRandom (SystemFunction036).
 * Used only in the smoke test's Wine prefix, never shipped: real Windows has it.
 * Build: x86_64-w64-mingw32-gcc -shared -o bcryptprimitives.dll bcryptprimitives.c -ladvapi32 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
