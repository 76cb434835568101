using System.Runtime.CompilerServices;

// The tests look inside the edge (its children, their types); the provider host serves the package schema.
[assembly: InternalsVisibleTo("RealtimeStack.Components.Tests")]
[assembly: InternalsVisibleTo("pulumi-resource-realtime")]
