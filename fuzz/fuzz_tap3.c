/* Fuzz the "tap3" handler (GSMA TAP3 roaming files: ASN.1 BER, BCD MSISDN/IMSI/IMEI labels). */
#include "fuzz_common.h"

extern const struct ls_handler ls_handler_tap3;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)fuzz_run_handler(&ls_handler_tap3, ls_slice_make(data, size));
    return 0;
}
