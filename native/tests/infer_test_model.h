/*
 * A real ONNX graph written by the tests (protobuf encoded by hand): input [N,3,16,32], two strided 16x16
 * convolutions give output_cov/Sigmoid [N,1,1,2] = mean red of each 16x16 cell and output_bbox/BiasAdd
 * [N,4,1,2] = mean green × BBOX_FACTORS. Pictures with a red half then have hand-computable DetectNet_v2
 * boxes (nvinfer-config.md §9).
 */
#ifndef DSNET_INFER_TEST_MODEL_H
#define DSNET_INFER_TEST_MODEL_H

#include <gst/gst.h>

extern const gfloat BBOX_FACTORS[4];

/* Writes detectnet.onnx into the folder of `near`; returns its path. */
gchar *write_detectnet_model (const gchar * near);

/* A w×h RGBA picture: red in the left (or right) half, green everywhere. */
GstBuffer *half_red (gint w, gint h, gboolean left);

#endif
