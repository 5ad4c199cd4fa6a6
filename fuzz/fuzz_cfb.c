/* Fuzz the raw compound file reader (ole2_cfb.c, ole2_cfb_write.c): open,
 * read every stream, export every storage and re-open the export. */
#include "fuzz_common.h"

#include "extract/ole2_cfb.h"

static void fuzz_cfb_walk(struct ls_slice s, int depth)
{
    struct ole2_cfb f;
    if (ole2_cfb_open(&f, s) == LS_OK) {
        for (uint32_t i = 0; i < f.ndir; i++) {
            struct ls_buf b;
            ls_buf_init(&b, 1u << 24);
            if (f.dir[i].type == OLE2_T_STREAM) {
                (void)ole2_cfb_read(&f, i, &b, 1u << 24);
            } else if (depth == 0 && f.dir[i].parent != OLE2_NOSTREAM) {
                bool lossy = false;
                if (ole2_cfb_export(&f, i, &b, &lossy) == LS_OK) fuzz_cfb_walk(ls_buf_slice(&b), 1);
            }
            (void)ole2_cfb_find(&f, i, "WordDocument");
            ls_buf_free(&b);
        }
    }
    ole2_cfb_close(&f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_cfb_walk((struct ls_slice){data, size}, 0);
    return 0;
}
