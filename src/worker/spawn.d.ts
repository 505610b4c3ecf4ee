/** The engine worker bundled by webpack beside the pane (see spawn.js). */
export declare function spawnEngineWorker(): Worker;
