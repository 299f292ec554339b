"""Many plans at once: `warmestad batch`.

  inputs.py       which plan files, where their documents go, which are out of date
  runner.py       the coordinator: worker processes, progress, Ctrl-C, the result per plan
  worker.py       one worker process: a warm kernel reset before every plan, one set of exporters;
                  the kernel runs the next plan while the worker renders the current one's PDF
  overview_job.py the regional overview as a worker's task: page built in the kernel, PDF in the worker
  kernelstate.py  runs inside a kernel: snapshot of its start state, restored before each plan
  progress.py     the Dutch progress line;  summary.py  batch-verslag.html/.json and the screen summary
  sample.py       plans for many municipalities from the example plans (trying out, benchmarks)

The regional overview (warmestad_nb/report/overview.py) is made by one of the workers, before its first plan.
Importing this package is light: the heavy modules are imported by the worker processes.
"""
