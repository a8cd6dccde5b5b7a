/* Holds a file open the way a PDF viewer does (others may read it, not delete
 * or replace it) until its standard input ends: the smoke test's stand-in for
 * a clerk reading the PDF while planpress rebuilds it.
 * Build: x86_64-w64-mingw32-gcc -o holdopen.exe holdopen.c */
#include <windows.h>
#include <stdio.h>

int wmain(int argc, wchar_t **argv)
{
    if (argc != 2) {
        fputs("usage: holdopen FILE\n", stderr);
        return 2;
    }
    HANDLE h = CreateFileW(argv[1], GENERIC_READ, FILE_SHARE_READ, NULL,
                           OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    if (h == INVALID_HANDLE_VALUE) {
        fprintf(stderr, "holdopen: cannot open (error %lu)\n", GetLastError());
        return 1;
    }
    puts("open");
    fflush(stdout);
    char buf[64];
    while (fgets(buf, sizeof buf, stdin))
        ;
    CloseHandle(h);
    return 0;
}
