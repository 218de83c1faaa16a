//! The I/O side of Parallax: reads pack folders and article files from disk and hands their bytes to the core.
