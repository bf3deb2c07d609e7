using Faultline.WebApi;

await FaultlineApp.Create(args).RunAsync();
