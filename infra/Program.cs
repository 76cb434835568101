using RealtimeStack.Components;

return await Pulumi.Deployment.RunAsync<EdgeStack>();
