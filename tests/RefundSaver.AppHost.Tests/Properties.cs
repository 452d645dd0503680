// Each test starts or drives whole AppHosts (tens of processes on two cores): one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
