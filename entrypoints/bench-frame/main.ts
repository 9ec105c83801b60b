// The benchmark's reference frame (bench build only, `wxt build --mode bench`):
// an empty extension page that the content script mounts in place of the
// sidebar. It marks itself interactive as soon as its script runs, so the
// sidebar's "record rendered → interactive" can be read against the floor of
// mounting any extension iframe on the same page in the same run.
import { markInteractive } from '@/components/sidebar/bench-probe';

markInteractive();
