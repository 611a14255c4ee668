// Diagnostics, slugs, folder listing and the parallel map live in Support so that Serve and the
// template engine can use them too; everything that reads a journal sees them through Journal.
@_exported import Support
