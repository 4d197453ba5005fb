# SPDX-License-Identifier: GPL-2.0-only
# The intervals' histogram of one load state, like the paper's figure 3:
# every kind of Xen on one chart, counts on a log scale.  bench/run sets
# the terminal and output, state, ticks, period_us and bin, then the
# x range, and plots the data.
set title sprintf("Intervals of a %d us tick, %s machine (%d ticks each, %s bins)", period_us, state, ticks, bin)
set xlabel "interval (us)"
set ylabel "intervals"
set logscale y
set yrange [0.8:*]
set grid
set key top right
