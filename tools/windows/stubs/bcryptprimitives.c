/* Stand-in for bcryptprimitives.dll's ProcessPrng, which Wine 8 lacks and Rust-built wheels
 * (rpds-py, cryptography) import. Backed by RtlGenRandom (SystemFunction036). Test use only. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
