using RealtimeStack.Components;
using RealtimeStack.Provider;

// The Pulumi engine starts this as the `realtime` plugin (PulumiPlugin.yaml: runtime dotnet) and talks to it over gRPC.
await Pulumi.Experimental.Provider.Provider.Serve(args, PackageSchema.Version, _ => new RealtimeComponentProvider(), CancellationToken.None);
